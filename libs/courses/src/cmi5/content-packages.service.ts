import { randomUUID } from 'node:crypto';
import { posix } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Actor,
  AppConfig,
  Clock,
  CommonErrors,
  DomainError,
  ObjectStorage,
  openCheckedZip,
  Role,
  runCommand,
  runQuery,
  uploadRejected,
  ZipLimits,
} from '@cqo/core';
import { ContentErrors } from '../courses.errors';
import * as sql from '../sql/content-files.sql';
import { MediaUrlSigner } from '../content/media-url-signer';
import { Cmi5Course, Cmi5StructureError, parseCmi5Structure } from './cmi5-structure';
import { packagePathOf, parseScormManifest, ScormManifestError, ScormPackage } from '../scorm/scorm-manifest';
import { launchCmi } from '../scorm/scorm-cmi';
import { injectRuntime } from '../scorm/scorm-runtime';

/** The largest package zip (it travels base64 in a JSON body of at most 5 MB). */
export const PACKAGE_MAX_BYTES = 3 * 1024 * 1024;
/** What a package may expand to: authoring tools export a few hundred files of media and script. */
export const PACKAGE_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxUncompressedBytes: 200 * 1024 * 1024, maxCompressionRatio: 100 };

export type PackageStandard = 'cmi5' | 'scorm12' | 'scorm2004';

export interface ContentPackageView {
  id: string;
  originalName: string;
  standard: PackageStandard;
  /** The course's (cmi5) or default organization's (SCORM) title. */
  title: string;
  /** cmi5 packages: the course structure. */
  course?: Cmi5Course;
  /** SCORM packages: the SCOs of the default organization, in order. */
  scos?: ScormPackage['scos'];
  fileCount: number;
  sizeBytes: number;
}

/** A file of a package to send. */
export interface PackageFile {
  content: Buffer;
  mimeType: string;
  secondsLeft: number;
}

const MIME: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml',
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  pdf: 'application/pdf',
};

/** The content type of a package file, by its extension. */
export function mimeTypeOf(path: string): string {
  return MIME[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

/** A path inside a package: relative, no `..`, no backslashes or control characters. Null if unsafe. */
export function safePackagePath(name: string): string | null {
  if (!name || name.length > 500 || name.startsWith('/') || /[\\\0-\x1f:]/.test(name)) return null;
  const segments = name.split('/');
  if (segments.some((s, i) => s === '..' || s === '.' || (s === '' && i !== segments.length - 1))) return null;
  return name;
}

/**
 * Content packages (cmi5 today) in an organization's library: imported from a zip checked like every upload (entry
 * count, expanded size, compression ratio, paths inside the package), their structure validated,
 * their files stored and served by signed URL to the same people as lesson media.
 */
@Injectable()
export class ContentPackagesService {
  private readonly signer: MediaUrlSigner;
  private readonly prefixes = new Map<string, { prefix: string; scorm: ScormPackage | null }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.signer = new MediaUrlSigner(config.content.urlSigningKey);
  }

  /**
   * Imports a cmi5 package (cmi5.xml at its root) or a SCORM 1.2/2004 package (imsmanifest.xml at
   * its root) into the organization's library. The zip is checked first (size, entries, expanded
   * size, compression ratio, paths), then its manifest: every launch file must be a file of the
   * package. Nothing is kept if it is refused.
   */
  async importPackage(actor: Actor, originalName: string, zip: Buffer): Promise<ContentPackageView> {
    if (actor.role !== Role.OrgAdmin || !actor.organizationId) throw CommonErrors.outOfScope();
    if (zip.length > PACKAGE_MAX_BYTES) throw uploadRejected('contentBase64', `课件包不能超过 ${PACKAGE_MAX_BYTES / 1024 / 1024} MB`);

    const archive = await openCheckedZip(zip, PACKAGE_ZIP_LIMITS, 'contentBase64');
    const id = randomUUID();
    const prefix = `packages/${actor.organizationId}/${id}/`;
    const stored: string[] = [];
    try {
      const files = archive.entries.filter((e) => !e.name.endsWith('/'));
      for (const entry of files) {
        if (!safePackagePath(entry.name)) throw uploadRejected('contentBase64', `压缩包中的路径不安全：${entry.name.slice(0, 100)}`);
      }
      const names = new Set(files.map((f) => f.name));
      let standard: PackageStandard;
      let structure: Cmi5Course | ScormPackage;
      let title: string;
      if (archive.has('cmi5.xml')) {
        const course = await this.readCmi5(await archive.readText('cmi5.xml'), names);
        standard = 'cmi5';
        structure = course;
        title = course.title;
      } else if (archive.has('imsmanifest.xml')) {
        const scorm = this.readScorm(await archive.readText('imsmanifest.xml'), names);
        standard = scorm.version === '1.2' ? 'scorm12' : 'scorm2004';
        structure = scorm;
        title = scorm.title;
      } else {
        throw uploadRejected('contentBase64', '压缩包根目录缺少 cmi5.xml 或 imsmanifest.xml（不是 cmi5 或 SCORM 课件包）');
      }
      let sizeBytes = 0;
      for (const entry of files) {
        const chunks: Buffer[] = [];
        for await (const chunk of await archive.open(entry.name)) chunks.push(chunk as Buffer);
        const content = Buffer.concat(chunks);
        sizeBytes += content.length;
        await this.storage.put(`${prefix}${entry.name}`, content);
        stored.push(`${prefix}${entry.name}`);
      }
      await runCommand(this.dataSource, sql.insertContentPackage, [
        id,
        actor.organizationId,
        standard,
        structure,
        prefix,
        files.length,
        sizeBytes,
        originalName.slice(0, 255),
        actor.userId,
        this.clock.now(),
      ]);
      return {
        id,
        standard,
        title,
        ...(standard === 'cmi5' ? { course: structure as Cmi5Course } : { scos: (structure as ScormPackage).scos }),
        fileCount: files.length,
        sizeBytes,
        originalName,
      };
    } catch (error) {
      for (const key of stored) await this.storage.delete(key);
      throw error;
    } finally {
      archive.close();
    }
  }

  private async readCmi5(xml: string, names: Set<string>): Promise<Cmi5Course> {
    let course: Cmi5Course;
    try {
      course = parseCmi5Structure(xml);
    } catch (error) {
      if (error instanceof Cmi5StructureError) throw uploadRejected('contentBase64', `cmi5.xml 有误：${error.message}`);
      throw error;
    }
    for (const au of course.aus) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(au.url) || au.url.startsWith('/'))
        throw uploadRejected('contentBase64', `AU ${au.id} 的 url 须是包内的相对路径`);
      const path = posix.normalize(au.url.split(/[?#]/)[0]);
      if (!safePackagePath(path) || !names.has(path))
        throw uploadRejected('contentBase64', `AU ${au.id} 的 url 指向包内不存在的文件：${au.url.slice(0, 100)}`);
    }
    return course;
  }

  private readScorm(xml: string, names: Set<string>): ScormPackage {
    let scorm: ScormPackage;
    try {
      scorm = parseScormManifest(xml);
    } catch (error) {
      if (error instanceof ScormManifestError) throw uploadRejected('contentBase64', `imsmanifest.xml 有误：${error.message}`);
      throw error;
    }
    for (const sco of scorm.scos) {
      let path: string;
      try {
        path = packagePathOf(sco.href);
      } catch {
        throw uploadRejected('contentBase64', `imsmanifest.xml 有误：SCO ${sco.id} 的启动文件路径无效`);
      }
      if (!safePackagePath(path) || !names.has(path))
        throw uploadRejected('contentBase64', `imsmanifest.xml 有误：SCO ${sco.id} 的启动文件在包内不存在：${sco.href.slice(0, 100)}`);
    }
    return scorm;
  }

  /**
   * A SCORM package's first SCO (or the named one) to try out, for the org admin of its
   * organization or a platform admin (reviewing a course): a signed URL, runtime included,
   * nothing recorded.
   */
  async scormPreview(actor: Actor, packageId: string, scoId?: string): Promise<{ url: string }> {
    const [row] = await runQuery(this.dataSource, sql.packageForPreview, [packageId]);
    if (!row) throw ContentErrors.fileNotFound();
    if (actor.role !== Role.PlatformAdmin && !(actor.role === Role.OrgAdmin && actor.organizationId === row.organization_id))
      throw CommonErrors.outOfScope();
    if (!row.standard.startsWith('scorm'))
      throw DomainError.invalid('SCORM_PREVIEW_INVALID', '不是 SCORM 课件包', [{ field: 'packageId', message: '不是 SCORM 课件包' }]);
    const sco = scoId === undefined ? row.structure.scos[0] : row.structure.scos.find((s) => s.id === scoId);
    if (!sco) throw DomainError.invalid('SCORM_SCO_NOT_FOUND', '课件包中没有该 SCO', [{ field: 'scoId', message: '课件包中没有该 SCO' }]);
    return { url: `${this.signedBase(packageId, actor.userId)}${sco.href}` };
  }

  /** The signed base URL of a package's files for a user already checked (ends with `/`). */
  signedBase(packageId: string, userId: string): string {
    const expires = Math.floor(this.clock.now().getTime() / 1000) + this.config.content.urlTtlSeconds;
    const signature = this.signer.sign({ fileId: packageId, userId, expires });
    return `/content-packages/${packageId}/${userId}/${expires}/${signature}/`;
  }

  /** A file of a package by signed URL: 403 for a bad or expired signature, 404 for no such file. */
  async openSigned(packageId: string, userId: string, expires: number, signature: string, path: string): Promise<PackageFile> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const verdict = this.signer.check({ fileId: packageId, userId, expires }, signature, now);
    if (verdict === 'bad-signature') throw ContentErrors.urlInvalid();
    if (verdict === 'expired') throw ContentErrors.urlExpired();
    const safe = safePackagePath(path);
    if (!safe || safe.endsWith('/')) throw ContentErrors.fileNotFound();
    let known = this.prefixes.get(packageId);
    if (!known) {
      const [row] = await runQuery(this.dataSource, sql.packageLocation, [packageId]);
      if (!row) throw ContentErrors.fileNotFound();
      known = { prefix: row.storage_prefix, scorm: row.standard.startsWith('scorm') ? (row.structure as ScormPackage) : null };
      if (this.prefixes.size >= 10_000) this.prefixes.clear();
      this.prefixes.set(packageId, known);
    }
    const content = await this.storage.get(`${known.prefix}${safe}`);
    if (!content) throw ContentErrors.fileNotFound();
    const mimeType = mimeTypeOf(safe);
    if (known.scorm && mimeType.startsWith('text/html')) {
      // A SCORM preview (org admin, reviewer): the runtime works from a blank CMI and sends nothing.
      const { version, scos } = known.scorm;
      const html = injectRuntime(content.toString('utf8'), {
        version,
        cmi: launchCmi(version, scos[0], { id: 'preview', name: '预览' }, null, 0),
        commitUrl: null,
        beatSeconds: 3600,
      });
      return { content: Buffer.from(html, 'utf8'), mimeType, secondsLeft: expires - now };
    }
    return { content, mimeType, secondsLeft: expires - now };
  }
}
