import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CERTIFICATE_KINDS, CertificateKind, CertificateStatus } from '@cqo/certificates';
import { PageQueryDto } from '../common/paging.dto';
import { IsBase64File } from '../common/file-upload';

const STATUSES: CertificateStatus[] = ['valid', 'revoked', 'superseded'];

export class CertificateListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CERTIFICATE_KINDS })
  @IsOptional()
  @IsIn(CERTIFICATE_KINDS)
  kind?: CertificateKind;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: CertificateStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class CertificateExportQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Export one course; or give regionId and year' })
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class CertificateReasonDto {
  @ApiProperty({ example: '学员姓名录入错误，已更正' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class CertificateRequestDto {
  @ApiPropertyOptional({ example: 2026, description: 'The year of the yearly certificate; the current year by default' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class VerifySerialQueryDto {
  @ApiProperty({ example: 'GS-CQO-2026-000123-K7' })
  @IsString()
  @MaxLength(40)
  serial!: string;

  @ApiProperty({ example: '1234', description: 'Last four characters of the holder’s ID number (the second factor)' })
  @Matches(/^\d{3}[\dXx]$/, { message: '必须是身份证号后四位' })
  idLast4!: string;
}

/** The optional form on the public page: both fields or neither. */
export class VerifyPageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  serial?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(8)
  idLast4?: string;
}

export class VerifyFileDto {
  @ApiProperty({ description: 'The certificate PDF, base64 (at most 2 MB before encoding)' })
  @IsBase64File()
  @MaxLength(2_800_000)
  pdfBase64!: string;
}

export class PublicVerificationDto {
  @ApiProperty({ enum: ['valid', 'revoked', 'superseded', 'unknown'] })
  status!: string;
  @ApiProperty({ description: 'The Ed25519 signature over the content and PDF hash verifies' })
  authentic!: boolean;
  @ApiProperty({ nullable: true, type: String })
  serial!: string | null;
  @ApiProperty({ nullable: true, enum: CERTIFICATE_KINDS })
  kind!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '结业证书' })
  title!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '张**' })
  holderName!: string | null;
  @ApiProperty({ type: [String], example: ['第一类 继续教育 14 学时'] })
  hours!: string[];
  @ApiProperty({ nullable: true, type: String })
  subject!: string | null;
  @ApiProperty({ nullable: true, type: String })
  issuer!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-03-15' })
  issuedOn!: string | null;
  @ApiProperty({ nullable: true, type: String })
  revokedOn!: string | null;
  @ApiProperty({ nullable: true, type: String })
  supersededOn!: string | null;
}

export class FileVerificationDto {
  @ApiProperty({ description: 'The file is byte for byte a certificate PDF issued here' })
  unaltered!: boolean;
  @ApiProperty({ type: PublicVerificationDto })
  certificate!: PublicVerificationDto;
}

// ---------------------------------------------------------------- responses

export class CertificateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'GS-2026-A-000123' }) serial!: string;
  @ApiProperty({ enum: CERTIFICATE_KINDS }) kind!: CertificateKind;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['valid', 'suspended', 'revoked', 'superseded'] }) status!: CertificateStatus;
  @ApiProperty({ description: 'Bumped on each reissue' }) version!: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) previousId!: string | null;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() holderName!: string;
  @ApiProperty({ example: '620102********1234' }) idNumberMasked!: string;
  @ApiProperty({ type: [String], description: 'The hours lines printed on the certificate' }) hours!: string[];
  @ApiProperty() issuer!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) courseId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organizationId!: string | null;
  @ApiProperty() verifyUrl!: string;
  @ApiProperty() issuedAt!: Date;
  @ApiProperty() versionIssuedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) revocationReason!: string | null;
  @ApiProperty({ nullable: true, type: Date }) supersededAt!: Date | null;
}

export class CertificatePageDto {
  @ApiProperty({ type: [CertificateDto] }) items!: CertificateDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CertificateHistoryEntryDto {
  @ApiProperty({ format: 'uuid' }) certificateId!: string;
  @ApiProperty() serial!: string;
  @ApiProperty({ enum: ['issued', 'reissued', 'superseded', 'revoked', 'file_restored', 'suspended', 'reinstated'] }) type!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() at!: Date;
}

export class CertificateRequestAcceptedDto {
  @ApiProperty({ description: 'The year whose certificates are being re-evaluated' }) year!: number;
}
