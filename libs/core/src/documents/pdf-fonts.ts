import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { glyphMissing } from './glyph-missing';

export type FontRole = 'regular' | 'bold';

/** A stretch of text drawn with one font (registered with pdfkit under `font`). */
export interface TextRun {
  font: string;
  text: string;
}

interface FontFace {
  /** The name the face is registered under in each PDF document. */
  name: string;
  load: () => fontkit.Font;
}

/**
 * Fonts come from npm packages (installed by `npm ci`), never from the system: Noto Sans SC
 * (GB 18030 coverage, OFL-1.1) is the main face; Noto Sans JP is the fallback for the few CJK
 * Extension B characters seen in names (𠮷 is the classic one) that the SC face lacks.
 */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

const FACES: Readonly<Record<FontRole, readonly FontFace[]>> = {
  regular: [
    { name: 'sc-regular', load: () => open(packageFile('@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf')) },
    { name: 'jp-regular', load: () => open(packageFile('@expo-google-fonts/noto-sans-jp', '400Regular/NotoSansJP_400Regular.ttf')) },
  ],
  bold: [
    { name: 'sc-bold', load: () => open(packageFile('@expo-google-fonts/noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf')) },
    { name: 'jp-bold', load: () => open(packageFile('@expo-google-fonts/noto-sans-jp', '700Bold/NotoSansJP_700Bold.ttf')) },
  ],
};

function open(path: string): fontkit.Font {
  const font = fontkit.create(readFileSync(path));
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${path} is a font collection, expected a single font`);
  return font;
}

/**
 * The CJK fonts of every PDF the product draws (certificates, hours transcripts, city reports).
 * The parsed fonts, once per process: pdfkit is handed the fontkit object, so a document does
 * not re-parse a 10 MB file (about 28 ms) but only subsets the glyphs it uses. A fallback face
 * is read only the first time a character needs it.
 */
export class PdfFonts {
  private static instance: PdfFonts | undefined;
  private readonly loaded = new Map<string, fontkit.Font>();

  static shared(): PdfFonts {
    PdfFonts.instance ??= new PdfFonts();
    return PdfFonts.instance;
  }

  /** The font object registered under `name` (loading it on first use). */
  font(name: string): fontkit.Font {
    let font = this.loaded.get(name);
    if (!font) {
      const face = [...FACES.regular, ...FACES.bold].find((f) => f.name === name);
      if (!face) throw new Error(`unknown PDF font ${name}`);
      font = face.load();
      this.loaded.set(name, font);
    }
    return font;
  }

  /** The main face of a role (its first face). */
  mainName(role: FontRole): string {
    return FACES[role][0].name;
  }

  /**
   * Splits text into runs, each drawn by the first face of the role that has every glyph of
   * it. A character no face has fails with an error naming it and the field: a document
   * never prints a name with a hole.
   */
  runs(text: string, role: FontRole, field: string): TextRun[] {
    const runs: TextRun[] = [];
    for (const char of text) {
      const name = this.faceFor(char, role);
      if (!name) throw glyphMissing(field, char);
      const last = runs[runs.length - 1];
      if (last && last.font === name) last.text += char;
      else runs.push({ font: name, text: char });
    }
    return runs;
  }

  /** Throws, naming the first character no face of the role can draw. */
  assertDrawable(text: string, role: FontRole, field: string): void {
    this.runs(text, role, field);
  }

  /** Advance width of one character in points. */
  advance(char: string, font: string, size: number): number {
    const f = this.font(font);
    return (f.glyphForCodePoint(char.codePointAt(0)!).advanceWidth / f.unitsPerEm) * size;
  }

  private faceFor(char: string, role: FontRole): string | undefined {
    const codePoint = char.codePointAt(0)!;
    for (const face of FACES[role]) {
      if (this.font(face.name).hasGlyphForCodePoint(codePoint)) return face.name;
    }
    return undefined;
  }
}
