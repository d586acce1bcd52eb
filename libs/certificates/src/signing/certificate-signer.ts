import { createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cqo/core';
import { CertificateContent } from '../certificate.types';
import { canonicalJson } from './canonical-json';

/** What is signed: the certificate's content and the SHA-256 of the PDF rendered from it. */
export function signedPayload(content: CertificateContent, pdfSha256: string): Buffer {
  return Buffer.from(canonicalJson({ content, pdfSha256 }), 'utf8');
}

/** Reads an Ed25519 private key given as PEM or as base64 PKCS#8 DER. */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey({ key: trimmed, format: 'pem' })
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`CERTIFICATE_SIGNING_KEY must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

/**
 * Signs certificates with the Ed25519 key from config and checks signatures with its public
 * half. The key id (first 16 hex of the SHA-256 of the public key) is stored with each
 * signature so a rotated key can still be told apart.
 */
@Injectable()
export class CertificateSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  readonly keyId: string;

  constructor(config: AppConfig) {
    this.privateKey = parseSigningKey(config.certificates.signingKey);
    this.publicKey = createPublicKey(this.privateKey);
    this.keyId = createHash('sha256')
      .update(this.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex')
      .slice(0, 16);
  }

  /** Base64 Ed25519 signature over the canonical content and the PDF hash. */
  sign(content: CertificateContent, pdfSha256: string): string {
    return sign(null, signedPayload(content, pdfSha256), this.privateKey).toString('base64');
  }

  verify(content: CertificateContent, pdfSha256: string, signature: string, keyId: string): boolean {
    return this.verifyDocument(content, pdfSha256, signature, keyId);
  }

  /** Signs another signed document of the platform (an hours transcript) the same way: its content and its PDF's hash. */
  signDocument(content: object, pdfSha256: string): string {
    return sign(null, signedPayload(content as CertificateContent, pdfSha256), this.privateKey).toString('base64');
  }

  verifyDocument(content: object, pdfSha256: string, signature: string, keyId: string): boolean {
    if (keyId !== this.keyId) return false;
    try {
      return verify(null, signedPayload(content as CertificateContent, pdfSha256), this.publicKey, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  }

  /** The public key (PEM), for anyone who wants to check a signature offline. */
  publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
