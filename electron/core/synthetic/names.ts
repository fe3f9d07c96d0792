// Name lists for synthetic patients: Venezuelan and Colombian given names and surnames, most
// frequent first (the generator draws them with a long-tailed, Zipf-like weight). Invented
// combinations only: never real patient data.

export const FEMALE_NAMES = [
  'María', 'Ana', 'Luisa', 'Carmen', 'Yorgelys', 'Daniela', 'Valentina', 'Andrea', 'Gabriela', 'Paola', 'Carolina', 'Yuleidy', 'Mariana',
  'Sofía', 'Camila', 'Isabel', 'Rosa', 'Yenny', 'Patricia', 'Alejandra', 'Laura', 'Yusbelis', 'Marisela', 'Johana', 'Natalia', 'Diana',
  'Adriana', 'Beatriz', 'Claudia', 'Dayana', 'Elena', 'Fabiola', 'Gladys', 'Heidy', 'Ingrid', 'Jessica', 'Karla', 'Leidy', 'Lorena',
  'Milagros', 'Nelly', 'Olga', 'Piedad', 'Raquel', 'Sandra', 'Teresa', 'Vanessa', 'Wendy', 'Ximena', 'Yamileth', 'Zoraida', 'Yelitza',
  'Yaneth', 'Yolimar', 'Maryuri', 'Nairobi', 'Oriana', 'Rosmery', 'Yulimar', 'Yurany', 'Keila', 'Génesis', 'Angélica', 'Brenda',
  'Catalina', 'Deisy', 'Estefanía', 'Fernanda', 'Geraldine', 'Jimena', 'Kimberly', 'Liliana', 'Mónica', 'Norma', 'Omaira', 'Pilar',
  'Roxana', 'Solángel', 'Tatiana', 'Viviana', 'Yajaira', 'Zuleima', 'Anyelis', 'Dubraska', 'Eglis', 'Franyelis', 'Glendys', 'Iraima',
  'Jackeline', 'Keyla', 'Lisbeth', 'Mayerlin', 'Neida', 'Oneida', 'Rubí', 'Sorelys', 'Thais', 'Xiomara', 'Yessica', 'Zulay',
];

export const MALE_NAMES = [
  'José', 'Luis', 'Carlos', 'Juan', 'Jesús', 'Miguel', 'Jorge', 'Pedro', 'Andrés', 'Alejandro', 'Daniel', 'David', 'Jhon', 'Wilmer',
  'Yorman', 'Gabriel', 'Antonio', 'Manuel', 'Francisco', 'Rafael', 'Ángel', 'Eduardo', 'Fernando', 'Giovanny', 'Héctor', 'Iván', 'Javier',
  'Kevin', 'Leonardo', 'Mario', 'Nelson', 'Óscar', 'Pablo', 'Ramón', 'Santiago', 'Tomás', 'Víctor', 'William', 'Yonathan', 'Alexis',
  'Brayan', 'Cristian', 'Deivis', 'Edwin', 'Freddy', 'Gustavo', 'Harold', 'Isaac', 'Jefferson', 'Keiner', 'Leiner', 'Maikel', 'Nixon',
  'Orlando', 'Richard', 'Samuel', 'Teodoro', 'Usbaldo', 'Wuilmer', 'Yeferson', 'Yohan', 'Anderson', 'Darwin', 'Eliécer', 'Franklin',
  'Gerardo', 'Humberto', 'Ismael', 'Jairo', 'Kelvin', 'Lenin', 'Marlon', 'Norberto', 'Omar', 'Ronald', 'Sebastián', 'Ulises', 'Wilson',
  'Yordy', 'Arnaldo', 'Benito', 'Cruz', 'Dixon', 'Erick', 'Gilberto', 'Henry', 'Jhonny', 'Kleiver', 'Luciano', 'Moisés', 'Reinaldo',
];

export const SURNAMES = [
  'Rodríguez', 'González', 'Pérez', 'Hernández', 'García', 'Martínez', 'López', 'Gómez', 'Díaz', 'Sánchez', 'Ramírez', 'Torres',
  'Rojas', 'Moreno', 'Vargas', 'Jiménez', 'Suárez', 'Castillo', 'Romero', 'Contreras', 'Gutiérrez', 'Mendoza', 'Morales', 'Ortiz',
  'Álvarez', 'Ruiz', 'Herrera', 'Medina', 'Castro', 'Muñoz', 'Silva', 'Chacón', 'Guerrero', 'Rivera', 'Flores', 'Quintero', 'Parra',
  'Vásquez', 'Ramos', 'Acosta', 'Salazar', 'Cárdenas', 'Delgado', 'Peña', 'Mora', 'Rincón', 'Blanco', 'Zambrano', 'Molina', 'Aguilar',
  'Carrillo', 'Villamizar', 'Jaimes', 'Duque', 'Sandoval', 'Bautista', 'Ochoa', 'Pabón', 'Cáceres', 'Ortega', 'Osorio', 'Cabrera',
  'Navarro', 'Reyes', 'Cruz', 'Cordero', 'Useche', 'Peñaloza', 'Leal', 'Meneses', 'Galvis', 'Colmenares', 'Yépez', 'Briceño', 'Urdaneta',
  'Marcano', 'Figueroa', 'Montilla', 'Arellano', 'Valbuena', 'Bracho', 'Añez', 'Finol', 'Paz', 'Soto', 'Nieto', 'Bermúdez', 'Cañas',
  'Duarte', 'Espinosa', 'Fuentes', 'Gil', 'Ibarra', 'Lozano', 'Manrique', 'Núñez', 'Oviedo', 'Pacheco', 'Quiroga', 'Rosales', 'Sierra',
  'Trujillo', 'Uribe', 'Vera', 'Villalobos', 'Zapata', 'Arias', 'Barrios', 'Carvajal', 'Durán', 'Escobar', 'Franco', 'Gallardo',
  'Hurtado', 'Lara', 'Maldonado', 'Niño', 'Olivares', 'Pineda', 'Quiñones', 'Rangel', 'Salas', 'Tovar', 'Uzcátegui', 'Valero',
  'Albarracín', 'Becerra', 'Carrero', 'Dávila', 'Escalante', 'Farías', 'Guevara', 'Hidalgo', 'Infante', 'Jaramillo', 'León', 'Marín',
  'Naranjo', 'Ovalle', 'Palencia', 'Rondón', 'Sarmiento', 'Tarazona', 'Uribe', 'Vivas', 'Wilches', 'Zuluaga', 'Angarita', 'Buitrago',
  'Cuadros', 'Daza', 'Estupiñán', 'Fajardo', 'Gamboa', 'Hoyos', 'Isaza', 'Lizcano', 'Mantilla', 'Ordóñez', 'Prada', 'Quintana',
  'Restrepo', 'Solano', 'Toloza', 'Valencia', 'Ardila', 'Bohórquez', 'Camacho', 'Dueñas', 'Eslava', 'Gélvez', 'Hernández', 'Ibáñez',
  'Jurado', 'Lindarte', 'Mogollón', 'Ospina', 'Pulido', 'Rueda', 'Serrano', 'Téllez', 'Vergara', 'Yáñez', 'Zárate',
];
