/**
 * User-perceived characters (Unicode extended grapheme clusters), which Terraform's string functions count and cut
 * by (`length`, `substr`, `strrev`, `format` widths). Text below U+0300 needs no segmenter: each code unit is one
 * cluster except CR LF.
 */
const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

function isSimple(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x300) return false;
  return true;
}

export function graphemes(s: string): string[] {
  if (isSimple(s) && !s.includes("\r\n")) return s.split("");
  const out: string[] = [];
  for (const g of segmenter.segment(s)) out.push(g.segment);
  return out;
}

export function graphemeCount(s: string): number {
  if (isSimple(s)) {
    let n = s.length;
    for (let i = s.indexOf("\r\n"); i >= 0; i = s.indexOf("\r\n", i + 2)) n--;
    return n;
  }
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}
