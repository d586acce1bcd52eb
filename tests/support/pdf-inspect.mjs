// Reads a PDF on stdin and prints {"text": ..., "qr": [...]} as JSON: its text (pdf-parse) and
// the decoded contents of every QR code among its embedded images (jsQR). Run in a plain Node
// process because pdf.js loads its worker with a dynamic import, which Jest's CommonJS runtime cannot.
import { PDFParse } from 'pdf-parse';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
try {
  const { text } = await parser.getText();
  const images = await parser.getImage({ imageThreshold: 0, imageDataUrl: false });
  const qr = [];
  for (const image of images.pages.flatMap((p) => p.images)) {
    const png = PNG.sync.read(Buffer.from(image.data));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (code) qr.push(code.data);
  }
  process.stdout.write(JSON.stringify({ text, qr }));
} finally {
  await parser.destroy();
}
