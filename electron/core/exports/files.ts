// Export files: XLSX through exceljs, CSV by hand (RFC 4180, UTF-8 with BOM so spreadsheet
// programs read the accents). Both from the same sheets, so the two files always agree.
// exceljs is loaded when the first workbook is written, not at start: the LAN host writes
// workbooks only in its read-only worker, and loading it there too cost the main process's memory
// for nothing (issue 7: host RSS).

export type Cell = string | number | null;
export interface Sheet {
  name: string;
  rows: Cell[][];
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export async function toXlsx(sheets: Sheet[], fileName: string): Promise<ExportFile> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Acogida';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    for (const row of sheet.rows) ws.addRow(row.map((v) => (v === null ? '' : v)));
    ws.getRow(1).font = { bold: true };
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${fileName}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: buffer.toString('base64') };
}

function csvValue(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  // A leading =, +, - or @ would be read as a formula by spreadsheet programs (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: Cell[][], fileName: string): ExportFile {
  const text = '\uFEFF' + rows.map((row) => row.map(csvValue).join(',')).join('\r\n') + '\r\n';
  return { fileName: `${fileName}.csv`, mimeType: 'text/csv; charset=utf-8', contentBase64: Buffer.from(text, 'utf8').toString('base64') };
}
