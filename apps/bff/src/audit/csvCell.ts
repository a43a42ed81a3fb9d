/**
 * Spreadsheets run a cell as a formula when it starts with one of these, and some (Excel in East
 * Asian locales, LibreOffice) also take the full-width forms for the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
/** OWASP's list also names TAB and CR on their own: both make some spreadsheets shift the cell. */
const CONTROL_START = /^[\t\r]/;
/**
 * Spreadsheets trim leading blanks and line breaks before they look for `=`, so ` =cmd()` and
 * `\n=cmd()` run too; \s covers NBSP and the ideographic space as well.
 */
const LEADING_BLANKS = /^\s+/;

/** A cell's text that a spreadsheet will show as text: prefixed with `'` as OWASP advises when it could start a formula. */
export function neutraliseCell(text: string): string {
  if (CONTROL_START.test(text) || FORMULA_START.test(text.replace(LEADING_BLANKS, ''))) {
    return `'${text}`;
  }
  return text;
}

/** One RFC 4180 cell: neutralised, then quoted when it holds a quote, a comma or a line break. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = neutraliseCell(typeof value === 'string' ? value : JSON.stringify(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
