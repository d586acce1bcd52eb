/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends and a UTF-8 byte-order mark so Excel
 * reads Chinese correctly. Text that a spreadsheet would run as a formula (=, +, -, @ first) is
 * prefixed with an apostrophe (CSV injection).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | Date)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | boolean | null | Date): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
