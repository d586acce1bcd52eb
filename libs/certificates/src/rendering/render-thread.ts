import type { CertificateContent } from '../certificate.types';
import { CertificateRenderer } from './certificate-renderer';

/**
 * The body of a certificate render thread (see CertificateRenderPool). Each thread parses the
 * fonts once, on its first task, and then renders certificates one after another.
 */
const renderer = new CertificateRenderer();

export default function renderCertificate(content: CertificateContent): Promise<Buffer> {
  return renderer.render(content);
}
