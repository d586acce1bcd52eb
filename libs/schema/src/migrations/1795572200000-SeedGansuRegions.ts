import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The units the provincial notice is addressed to, under 甘肃省. Regions are data: this seeds them once. */
const PROVINCE = { code: '620000', name: '甘肃省' };
const CITIES: [code: string, name: string][] = [
  ['620100', '兰州市'],
  ['620200', '嘉峪关市'],
  ['620300', '金昌市'],
  ['620400', '白银市'],
  ['620500', '天水市'],
  ['620600', '武威市'],
  ['620700', '张掖市'],
  ['620800', '平凉市'],
  ['620900', '酒泉市'],
  ['621000', '庆阳市'],
  ['621100', '定西市'],
  ['621200', '陇南市'],
  ['622900', '临夏回族自治州'],
  ['623000', '甘南藏族自治州'],
  // Not prefecture-level divisions with a national code; the notice names them as units of their own.
  ['620000-LZXQ', '兰州新区'],
  ['620000-GSKQ', '甘肃矿区'],
];

export class SeedGansuRegions1795572200000 implements MigrationInterface {
  name = 'SeedGansuRegions1795572200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const [province] = await queryRunner.query(
      `INSERT INTO regions (code, name, level, parent_id, path, sort_order) VALUES ($1, $2, 'province', NULL, $1, 0) RETURNING id`,
      [PROVINCE.code, PROVINCE.name],
    );
    for (const [i, [code, name]] of CITIES.entries()) {
      await queryRunner.query(`INSERT INTO regions (code, name, level, parent_id, path, sort_order) VALUES ($1, $2, 'city', $3, $4, $5)`, [
        code,
        name,
        province.id,
        `${PROVINCE.code}/${code}`,
        i + 1,
      ]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM regions WHERE path LIKE $1`, [`${PROVINCE.code}/%`]);
    await queryRunner.query(`DELETE FROM regions WHERE code = $1`, [PROVINCE.code]);
  }
}
