// Spanish labels of the export files (they go to the Ministry, donors and R4V as they are).
export const CATEGORY_LABELS: Record<string, string> = {
  individual: 'Intervención individual',
  family: 'Intervención familiar',
  group: 'Intervención grupal',
  community: 'Actividad comunitaria',
};
export const SEX_LABELS: Record<string, string> = { F: 'Mujeres', M: 'Hombres', I: 'Intersexual / otro' };
export const POPULATION_LABELS: Record<string, string> = {
  in_destination: 'Refugiados y migrantes en destino',
  in_transit: 'Refugiados y migrantes en tránsito',
  pendular: 'Población pendular',
  colombian_returnee: 'Colombianos retornados',
  host_community: 'Comunidad de acogida',
};
export const NATIONALITY_LABELS: Record<string, string> = { VEN: 'Venezolana', COL: 'Colombiana', other: 'Otra' };
export const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;
