import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CertificateVerificationService, FileVerification, PublicVerification } from '@cqo/certificates';
import { Public } from '../common/access.decorator';
import { ErrorBodyDto } from '../common/error-body';
import { FileVerificationDto, PublicVerificationDto, VerifyFileDto, VerifyPageQueryDto, VerifySerialQueryDto } from './certificates.dto';
import { SerialVerifyLimiter } from './serial-verify-limiter';
import { VerifyThrottled } from './verify-throttler';
import { verifyPage } from './verify-page';
import { ApiFileResponse, ApiErrors } from '../common/api-responses';

/**
 * Public certificate verification (no log-in), rate-limited per client address. The QR code
 * leads to /verify/<token>; by serial number the holder's ID number's last four characters are
 * asked too, and a wrong pair answers exactly like an unknown serial.
 */
@ApiTags('verification 证书核验（公开）')
@ApiTooManyRequestsResponse({ description: '核验过于频繁', type: ErrorBodyDto })
@Controller()
@Public()
@VerifyThrottled()
export class CertificateVerificationController {
  constructor(
    private readonly verification: CertificateVerificationService,
    private readonly perSerial: SerialVerifyLimiter,
  ) {}

  /** The page of the QR code. */
  @Get('verify/:token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiFileResponse('text/html')
  @ApiErrors(404)
  async page(@Param('token') token: string): Promise<string> {
    return verifyPage(await this.verification.byToken(token));
  }

  /** The page with its serial + last-four form (and the answer to it). */
  @Get('verify')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiFileResponse('text/html')
  @ApiErrors(400)
  async form(@Query() query: VerifyPageQueryDto): Promise<string> {
    if (!query.serial) return verifyPage(null);
    await this.perSerial.hit(query.serial);
    return verifyPage(await this.verification.bySerial(query.serial, query.idLast4 ?? ''), { serial: query.serial });
  }

  @Get('certificates/verify/:token')
  @ApiOkResponse({ type: PublicVerificationDto })
  @ApiErrors(404)
  byToken(@Param('token') token: string): Promise<PublicVerification> {
    return this.verification.byToken(token);
  }

  @Get('certificates/verify')
  @ApiOkResponse({ type: PublicVerificationDto })
  @ApiErrors(400)
  async bySerial(@Query() query: VerifySerialQueryDto): Promise<PublicVerification> {
    await this.perSerial.hit(query.serial);
    return this.verification.bySerial(query.serial, query.idLast4);
  }

  /** Is this PDF file, byte for byte, a certificate issued here? */
  @Post('certificates/verify/file')
  @HttpCode(200)
  @ApiOkResponse({ type: FileVerificationDto })
  @ApiErrors(400)
  byFile(@Body() dto: VerifyFileDto): Promise<FileVerification> {
    return this.verification.byFile(Buffer.from(dto.pdfBase64, 'base64'));
  }
}
