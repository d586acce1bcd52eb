import type { RegionRef } from './import-rows';
import { checkRow, mapHeader } from './import-rows';

const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '所属地区',
  '国有企业',
  '规模以上',
  '生产性企业',
  '中国质量奖',
  '中国质量奖年度',
  '甘肃省人民政府质量奖',
  '甘肃省人民政府质量奖年度',
  '市州政府质量奖',
  '市州政府质量奖年度',
];
const LANZHOU: RegionRef = { id: '00000000-0000-0000-0000-000000000001', code: '620100', name: '兰州市', path: '620000/620100' };
const regions = new Map([
  [LANZHOU.name, LANZHOU],
  [LANZHOU.code, LANZHOU],
]);

describe('official list rows', () => {
  const { positions } = mapHeader(HEADER);
  const sut = (cells: string[]) => checkRow(cells, positions, regions, 2026);

  it('maps Chinese or English headers and names the missing required ones', () => {
    expect(mapHeader(['creditCode', 'NAME', '所属地区']).missing).toEqual(['国有企业', '规模以上', '生产性企业']);
    expect(mapHeader(HEADER).missing).toEqual([]);
  });

  it('reads a good row: region by name or code, 是/否, awards with their year', () => {
    const row = sut(['91620100MA00000001', '兰州甲公司', '620100', '是', '否', '1', '提名', '2019', '无', '', '获奖', '2021']);
    expect(row).toMatchObject({
      errors: [],
      creditCode: '91620100MA00000001',
      regionId: LANZHOU.id,
      stateOwned: true,
      aboveDesignatedSize: false,
      production: true,
      chinaQualityAward: 'nominated',
      chinaQualityAwardYear: 2019,
      provincialQualityAward: 'none',
      provincialQualityAwardYear: null,
      cityQualityAward: 'awarded',
      cityQualityAwardYear: 2021,
    });
  });

  it('names every bad column of a row', () => {
    const row = sut(['9162', '', '天水市', '也许', '否', '否', '获奖', '', '无', '2020', '金奖', '']);
    expect(row.errors.map((e) => e.column)).toEqual([
      '统一社会信用代码',
      '企业名称',
      '所属地区',
      '国有企业',
      '中国质量奖年度',
      '甘肃省人民政府质量奖年度',
      '市州政府质量奖',
    ]);
  });

  it('refuses an award year in the future', () => {
    expect(sut(['91620100MA00000001', '甲', '兰州市', '否', '否', '否', '获奖', '2027', '', '', '', '']).errors).toEqual([
      { column: '中国质量奖年度', message: '年度须在1990至2026之间' },
    ]);
  });
});
