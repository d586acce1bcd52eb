import { DataSource } from 'typeorm';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { onlineCourse, publishCourse } from '../../support/courses';
import type { World } from '../../support/fixtures';
import { seedWorld, testIdNumber } from '../../support/fixtures';

/**
 * An org admin enrols a roster by CSV. The file is validated whole; the answer reports each row
 * by its line number; all-or-nothing changes nothing when a row is bad, valid-rows applies the good ones.
 */
describe('roster CSV enrolment', () => {
  let api: TestApi;
  let world: World;
  let db: DataSource;

  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
    db = api.get(DataSource);
  });
  afterAll(() => api.close());

  const lz = testIdNumber(1);
  const unknown = testIdNumber(999);
  // Line 1 is the header. Lines: 2 ok by ID, 3 ok by username, 4 unknown ID, 5 duplicate of 2, 6 wrong column count, 7 bad check digit.
  const csv = [
    'id_number,username,姓名',
    `${lz},,兰州学员`,
    ',TraineeTS,天水学员',
    `${unknown},,不存在`,
    `${lz.slice(0, 6)} ${lz.slice(6)},,重复`,
    ',traineets,天水学员,多出的列',
    '620102199001011230,,校验位错误',
  ].join('\n');

  const upload = (versionId: string, body: object, token = world.tokens.orgAdminA) =>
    api.request({ method: 'POST', url: `/course-versions/${versionId}/enrollments/roster`, token, payload: body });
  const state = async (versionId: string) =>
    (
      await db.query(
        `SELECT (SELECT count(*)::int FROM enrollments WHERE course_version_id = $1) AS enrollments, seats_taken AS seats FROM course_versions WHERE id = $1`,
        [versionId],
      )
    )[0];

  it('reports every bad row by line and, all-or-nothing, changes nothing', async () => {
    const version = await publishCourse(api, world, onlineCourse({ title: '名单导入（全部或不导入）' }));
    const res = await upload(version.id, { csv, mode: 'all-or-nothing' });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ mode: 'all-or-nothing', applied: false, summary: { rows: 6, enrolled: 0, errors: 4, notApplied: 2 } });
    expect(report.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'not_applied'],
      [3, 'not_applied'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
    ]);
    expect(report.rows[2].errors).toEqual([{ field: 'id_number', message: '没有该身份证号的学员' }]);
    expect(report.rows[3].errors).toEqual([{ field: 'id_number', message: '与第 2 行是同一学员' }]);
    expect(report.rows[4].errors[0]).toMatchObject({ field: 'columns' });
    expect(report.rows[5].errors).toEqual([{ field: 'id_number', message: '身份证号码无效' }]);
    // The report names trainees by masked ID only; the uploaded numbers never come back.
    expect(report.rows[0]).toMatchObject({
      traineeId: world.users.traineeLZ,
      traineeName: '兰州学员',
      idNumberMasked: `${lz.slice(0, 6)}********${lz.slice(-4)}`,
    });
    expect(res.body).not.toContain(lz);
    expect(res.body).not.toContain(unknown);
    expect(await state(version.id)).toEqual({ enrollments: 0, seats: 0 });
  });

  it('applies the valid rows in one go, and a second upload of the same file changes nothing', async () => {
    const version = await publishCourse(api, world, onlineCourse({ title: '名单导入（有效行）' }));
    const first = (await upload(version.id, { csv })).json();
    expect(first).toMatchObject({ mode: 'valid-rows', applied: true, summary: { rows: 6, enrolled: 2, errors: 4 } });
    expect(await state(version.id)).toEqual({ enrollments: 2, seats: 2 });
    const roster = (
      await api.request({ method: 'GET', url: `/course-versions/${version.id}/enrollments`, token: world.tokens.orgAdminA })
    ).json();
    expect(roster.items.map((e: { traineeId: string; source: string }) => [e.traineeId, e.source]).sort()).toEqual(
      [
        [world.users.traineeLZ, 'roster'],
        [world.users.traineeTS, 'roster'],
      ].sort(),
    );

    const second = (await upload(version.id, { csv })).json();
    expect(second).toMatchObject({ applied: false, summary: { enrolled: 0, alreadyEnrolled: 2, errors: 4 } });
    expect(await state(version.id)).toEqual({ enrollments: 2, seats: 2 });
  });

  it('holds to capacity: rows beyond the seats left fail, by line', async () => {
    const version = await publishCourse(api, world, onlineCourse({ title: '名额一人', capacity: 1 }));
    const report = (await upload(version.id, { csv: `username\ntraineelz\ntraineets\n` })).json();
    expect(report.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'enrolled'],
      [3, 'error'],
    ]);
    expect(report.rows[1].errors).toEqual([{ field: 'capacity', message: '名额已满' }]);
    expect(await state(version.id)).toEqual({ enrollments: 1, seats: 1 });
  });

  it('refuses a file whose header is wrong, naming the column, and other organizations’ courses', async () => {
    const version = await publishCourse(api, world, onlineCourse({ title: '表头错误' }));
    const unknownColumn = await upload(version.id, { csv: 'id_number,phone\n1,2\n' });
    expect(unknownColumn.statusCode).toBe(400);
    expect(unknownColumn.json()).toMatchObject({ code: 'CSV_INVALID', details: [{ field: 'csv.header[1]' }] });
    const noTraineeColumn = await upload(version.id, { csv: 'name\n张三\n' });
    expect(noTraineeColumn.json()).toMatchObject({ code: 'CSV_INVALID', details: [{ field: 'csv.header' }] });
    const unclosed = await upload(version.id, { csv: 'username\n"traineelz\n' });
    expect(unclosed.json()).toMatchObject({ statusCode: 400, code: 'CSV_INVALID' });
    const badMode = await upload(version.id, { csv, mode: 'some' });
    expect(badMode.json()).toMatchObject({ statusCode: 400, details: [{ field: 'mode' }] });
    expect((await upload(version.id, { csv }, world.tokens.orgAdminB)).statusCode).toBe(403);
    expect(await state(version.id)).toEqual({ enrollments: 0, seats: 0 });
  });
});
