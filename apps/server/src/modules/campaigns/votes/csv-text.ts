/**
 * Text as one CSV field: quoted, quotes doubled, and a leading = + - @ (or tab, CR) made inert
 * with an apostrophe, so a spreadsheet never runs a name as a formula.
 */
export const csvText = (text: string) =>
  `"${text.replace(/^[=+\-@\t\r]/, "'$&").replace(/"/g, '""')}"`
