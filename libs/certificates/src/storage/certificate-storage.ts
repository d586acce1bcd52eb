/**
 * Certificate PDFs and report files go through the product's one object storage (libs/core):
 * these names remain for the certificate code and its tests.
 */
export { ObjectStorage as CertificateStorage, FileSystemObjectStorage as FileSystemCertificateStorage } from '@cqo/core';
