import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import {
  CorrectionView,
  EnterpriseImportService,
  EnterprisesService,
  IMPORT_MAX_BYTES,
  ImportErrorRow,
  ImportView,
  MasterDataService,
  MasterVersionView,
} from '@cqo/organizations';
import { UsersService } from '@cqo/identity';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { PageQueryDto } from '../common/paging.dto';
import { FileUpload } from '../common/file-upload';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  CorrectionCreateDto,
  CorrectionDecisionDto,
  CorrectionListQueryDto,
  CorrectionPageDto,
  CorrectionViewDto,
  EnterpriseImportCreateDto,
  EnterpriseImportDto,
  EnterpriseImportPageDto,
  ImportErrorPageDto,
  MasterVersionDto,
} from './master-data.dto';

/**
 * The official enterprise lists (regulator-owned master data): a city or the province uploads a
 * list, reads the preview (errors naming row and column), then applies it in one transaction.
 */
@ApiTags('regulators 监管')
@Controller('regulators/enterprise-imports')
@Access(Role.Regulator)
export class EnterpriseImportsController {
  constructor(private readonly imports: EnterpriseImportService) {}

  @Post()
  @FileUpload('file', IMPORT_MAX_BYTES)
  @ApiOperation({ summary: 'Uploads an official list and checks every row (nothing applied yet)' })
  @ApiCreatedResponse({ type: EnterpriseImportDto })
  @ApiErrors(400)
  preview(@CurrentActor() actor: Actor, @Body() dto: EnterpriseImportCreateDto): Promise<ImportView> {
    return this.imports.preview(
      actor,
      { fileName: dto.fileName, format: dto.format, data: Buffer.from(dto.contentBase64, 'base64') },
      dto.effectiveOn,
    );
  }

  @Get()
  @ApiOkResponse({ type: EnterpriseImportPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<ImportView>> {
    return this.imports.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: EnterpriseImportDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ImportView> {
    return this.imports.get(actor, id);
  }

  @Get(':id/errors')
  @ApiOperation({ summary: 'The preview’s errors: row, column, message' })
  @ApiOkResponse({ type: ImportErrorPageDto })
  @ApiErrors(400, 404)
  errors(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Query() query: PageQueryDto): Promise<Page<ImportErrorRow>> {
    return this.imports.errors(actor, id, query);
  }

  @Post(':id/apply')
  @HttpCode(200)
  @ApiOperation({ summary: 'Applies a preview without errors in one transaction (creates and updates by credit code, versions kept)' })
  @ApiOkResponse({ type: EnterpriseImportDto })
  @ApiErrors(400, 404)
  apply(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ImportView> {
    return this.imports.apply(actor, id);
  }

  @Post(':id/discard')
  @HttpCode(200)
  @ApiOkResponse({ type: EnterpriseImportDto })
  @ApiErrors(400, 404)
  discard(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ImportView> {
    return this.imports.discard(actor, id);
  }
}

/** Enterprise admins ask for a correction of their master data; the city (or province) decides. */
@ApiTags('enterprises 企业')
@Controller('enterprise-corrections')
export class EnterpriseCorrectionsController {
  constructor(private readonly masterData: MasterDataService) {}

  @Post()
  @Access(Role.EnterpriseAdmin)
  @ApiCreatedResponse({ type: CorrectionViewDto })
  @ApiErrors(400)
  request(@CurrentActor() actor: Actor, @Body() dto: CorrectionCreateDto): Promise<CorrectionView> {
    return this.masterData.requestCorrection(actor, dto.changes, dto.reason);
  }

  @Get()
  @Access(Role.EnterpriseAdmin, Role.Regulator)
  @ApiOkResponse({ type: CorrectionPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: CorrectionListQueryDto): Promise<Page<CorrectionView>> {
    return this.masterData.corrections(actor, { status: query.status }, query);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Access(Role.Regulator)
  @ApiOperation({ summary: 'Approves (the change becomes a master-data version) or rejects a correction' })
  @ApiOkResponse({ type: CorrectionViewDto })
  @ApiErrors(400, 404)
  decide(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: CorrectionDecisionDto): Promise<CorrectionView> {
    return this.masterData.decideCorrection(actor, id, dto.approve, dto.note ?? null);
  }
}

/** An enterprise's master-data history (who changed which target fact, when, from which file). */
@ApiTags('enterprises 企业')
@Controller('enterprises')
export class EnterpriseHistoryController {
  constructor(
    private readonly enterprises: EnterprisesService,
    private readonly masterData: MasterDataService,
    private readonly users: UsersService,
  ) {}

  @Get(':id/history')
  @Access(Role.PlatformAdmin, Role.Regulator, Role.EnterpriseAdmin)
  @ApiOkResponse({ type: [MasterVersionDto] })
  @ApiErrors(400, 404)
  async history(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<MasterVersionView[]> {
    await this.enterprises.getVisible(actor, id);
    const versions = await this.masterData.history(id);
    const names = await this.users.displayNames(versions.flatMap((v) => (v.changedBy ? [v.changedBy] : [])));
    return versions.map((v) => ({ ...v, changedByName: v.changedBy ? (names.get(v.changedBy) ?? null) : null }));
  }
}
