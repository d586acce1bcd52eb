/**
 * Certificates (证书): the three kinds of the notice, rendered to A4 PDF in Chinese with an
 * embedded subset CJK font, serial-numbered, Ed25519-signed, stored, verifiable by anyone,
 * revocable and reissuable. Issued by jobs through {@link CertificateTriggersService}; the
 * engine itself is {@link CertificateIssuer}.
 */
export * from './certificate.types';
export * from './certificate.entity';
export * from './certificates.errors';
export * from './certificates.repository';
export * from './certificate-scope';
export * from './serials/serial-number';
export * from './signing/canonical-json';
export * from './signing/certificate-signer';
export * from './rendering/certificate-render-pool';
export * from './rendering/certificate-renderer';
export * from './storage/certificate-storage';
export * from './storage/certificate-files.service';
export * from './issuance/certificate-issuer';
export * from './administration/certificate-administration.service';
export * from './verification/certificate-verification.service';
export * from './downloads/certificate-downloads.service';
export * from './export/certificate-export.service';
export * from './triggers/certificate-triggers.service';
export * from './requests/certificate-requests.service';
export * from './transcripts/hours-transcript.types';
export * from './transcripts/hours-transcript.entity';
export * from './transcripts/hours-transcript-renderer';
export * from './transcripts/hours-transcripts.service';
export * from './certificates.module';
export * from './sql/certificates-public.sql';
