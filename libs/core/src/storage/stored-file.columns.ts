import { Column } from 'typeorm';

/**
 * An uploaded file kept in object storage, as the columns of the row it belongs to. Embed it with
 * `@Column(() => StoredFileColumns, { prefix: 'file' })`: the columns are then file_name,
 * file_content_type, file_size, file_sha256 and file_storage_key.
 */
export class StoredFileColumns {
  /** The name the uploader gave it (see `safeFileName`). */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  contentType!: string;

  /** Bytes. */
  @Column({ type: 'int' })
  size!: number;

  /** Hex SHA-256 of the content. */
  @Column({ type: 'text' })
  sha256!: string;

  /** Its key in `ObjectStorage`. */
  @Column({ type: 'text' })
  storageKey!: string;
}

/** An uploader's file name made safe to store and to send back in Content-Disposition. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/\r\n"]/g, '_').slice(0, 200);
}
