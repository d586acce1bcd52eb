import type { AwardStanding } from '../enterprise.entity';

/** The columns of an official list: header text (Chinese, or the English key) → field. */
export const IMPORT_COLUMNS = [
  { key: 'creditCode', header: '统一社会信用代码', required: true },
  { key: 'name', header: '企业名称', required: true },
  { key: 'region', header: '所属地区', required: true },
  { key: 'stateOwned', header: '国有企业', required: true },
  { key: 'aboveDesignatedSize', header: '规模以上', required: true },
  { key: 'production', header: '生产性企业', required: true },
  { key: 'chinaQualityAward', header: '中国质量奖', required: false },
  { key: 'chinaQualityAwardYear', header: '中国质量奖年度', required: false },
  { key: 'provincialQualityAward', header: '甘肃省人民政府质量奖', required: false },
  { key: 'provincialQualityAwardYear', header: '甘肃省人民政府质量奖年度', required: false },
  { key: 'cityQualityAward', header: '市州政府质量奖', required: false },
  { key: 'cityQualityAwardYear', header: '市州政府质量奖年度', required: false },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** One row checked: the values (null where wrong) and the errors naming the column. */
export interface CheckedRow {
  creditCode: string | null;
  name: string | null;
  regionId: string | null;
  stateOwned: boolean | null;
  aboveDesignatedSize: boolean | null;
  production: boolean | null;
  chinaQualityAward: AwardStanding | null;
  chinaQualityAwardYear: number | null;
  provincialQualityAward: AwardStanding | null;
  provincialQualityAwardYear: number | null;
  cityQualityAward: AwardStanding | null;
  cityQualityAwardYear: number | null;
  errors: { column: string; message: string }[];
}

export interface RegionRef {
  id: string;
  code: string;
  name: string;
  path: string;
}

/**
 * Maps the header row to column positions. Returns the positions, or the headers missing.
 */
export function mapHeader(header: string[]): { positions: Partial<Record<ImportColumnKey, number>>; missing: string[] } {
  const positions: Partial<Record<ImportColumnKey, number>> = {};
  const normalized = header.map((h) => h.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')'));
  for (const c of IMPORT_COLUMNS) {
    const i = normalized.findIndex((h) => h === c.header || h.toLowerCase() === c.key.toLowerCase());
    if (i >= 0) positions[c.key] = i;
  }
  const missing = IMPORT_COLUMNS.filter((c) => c.required && positions[c.key] === undefined).map((c) => c.header);
  return { positions, missing };
}

// GB 32100-2015: 18 characters, the alphabet without I, O, Z, S, V.
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);
const STANDINGS: Record<string, AwardStanding> = {
  '': 'none',
  无: 'none',
  none: 'none',
  否: 'none',
  提名: 'nominated',
  提名奖: 'nominated',
  nominated: 'nominated',
  nominee: 'nominated',
  获奖: 'awarded',
  获得: 'awarded',
  awarded: 'awarded',
  winner: 'awarded',
};

/**
 * Checks one data row. `regions` are the regions the importer may import into, by name and by
 * code; `currentYear` bounds award years. Every problem is named by its column header.
 */
export function checkRow(
  cells: string[],
  positions: Partial<Record<ImportColumnKey, number>>,
  regions: Map<string, RegionRef>,
  currentYear: number,
): CheckedRow {
  const errors: CheckedRow['errors'] = [];
  const header = (key: ImportColumnKey) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;
  const cell = (key: ImportColumnKey) => (positions[key] === undefined ? '' : (cells[positions[key]!] ?? '').trim());
  const fail = (key: ImportColumnKey, message: string) => {
    errors.push({ column: header(key), message });
    return null;
  };

  const code = cell('creditCode').toUpperCase();
  const creditCode = CREDIT_CODE.test(code) ? code : fail('creditCode', code === '' ? '不能为空' : '统一社会信用代码格式不正确（18位）');
  const rawName = cell('name');
  const name = rawName === '' ? fail('name', '不能为空') : rawName.length > 200 ? fail('name', '不能超过200字') : rawName;
  const regionText = cell('region');
  const region = regions.get(regionText);
  const regionId = region ? region.id : fail('region', regionText === '' ? '不能为空' : `“${regionText}”不是本辖区内的地区`);
  const flag = (key: 'stateOwned' | 'aboveDesignatedSize' | 'production') => {
    const v = cell(key).toLowerCase();
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    return fail(key, '须填“是”或“否”');
  };
  const award = (key: 'chinaQualityAward' | 'provincialQualityAward' | 'cityQualityAward', yearKey: `${typeof key}Year`) => {
    const standing = STANDINGS[cell(key).toLowerCase()];
    const yearText = cell(yearKey);
    if (standing === undefined) {
      fail(key, '须填“无”“提名”或“获奖”');
      return [null, null] as const;
    }
    if (standing === 'none') {
      if (yearText !== '') fail(yearKey, '未获奖时不应填写年度');
      return ['none', null] as const;
    }
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (yearText === '') return [standing, fail(yearKey, '获奖或提名须填写年度')] as const;
    if (!(year >= 1990 && year <= currentYear)) return [standing, fail(yearKey, `年度须在1990至${currentYear}之间`)] as const;
    return [standing, year] as const;
  };
  // In column order, so the errors read left to right.
  const stateOwned = flag('stateOwned');
  const aboveDesignatedSize = flag('aboveDesignatedSize');
  const production = flag('production');
  const [chinaQualityAward, chinaQualityAwardYear] = award('chinaQualityAward', 'chinaQualityAwardYear');
  const [provincialQualityAward, provincialQualityAwardYear] = award('provincialQualityAward', 'provincialQualityAwardYear');
  const [cityQualityAward, cityQualityAwardYear] = award('cityQualityAward', 'cityQualityAwardYear');
  return {
    creditCode,
    name,
    regionId,
    stateOwned,
    aboveDesignatedSize,
    production,
    chinaQualityAward,
    chinaQualityAwardYear,
    provincialQualityAward,
    provincialQualityAwardYear,
    cityQualityAward,
    cityQualityAwardYear,
    errors,
  };
}
