import type { Actor } from './actor';
import { Role } from './actor';
import type { ScopeSubject } from './scope-policy';
import { regionScopeOrAllSql, regionScopeSql, ScopePolicy } from './scope-policy';

const PROVINCE = '620000';
const CITY = '620000/620100';
const COUNTY = '620000/620100/620102';
const OTHER_CITY = '620000/620200';

function actor(role: Role, ids: Partial<Actor> = {}): Actor {
  return { userId: 'u-1', role, organizationId: null, enterpriseId: null, regionId: null, regionPath: null, ...ids };
}

const trainee = actor(Role.Trainee);
const orgAdmin = actor(Role.OrgAdmin, { organizationId: 'org-1' });
const enterpriseAdmin = actor(Role.EnterpriseAdmin, { enterpriseId: 'ent-1' });
const cityRegulator = actor(Role.Regulator, { regionId: 'r-city', regionPath: CITY });
const provinceRegulator = actor(Role.Regulator, { regionId: 'r-prov', regionPath: PROVINCE });
const platformAdmin = actor(Role.PlatformAdmin);

describe('ScopePolicy.of', () => {
  it.each([
    ['trainee', trainee, { kind: 'trainee', userId: 'u-1' }],
    ['org admin', orgAdmin, { kind: 'organization', organizationId: 'org-1' }],
    ['enterprise admin', enterpriseAdmin, { kind: 'enterprise', enterpriseId: 'ent-1' }],
    ['city regulator', cityRegulator, { kind: 'region', regionPath: CITY }],
    ['province regulator', provinceRegulator, { kind: 'region', regionPath: PROVINCE }],
    ['platform admin', platformAdmin, { kind: 'all' }],
  ] as const)('maps a %s to its scope', (_name, who, expected) => {
    expect(ScopePolicy.of(who)).toEqual(expected);
  });

  it('maps a role it does not know to nothing', () => {
    expect(ScopePolicy.of(actor('auditor' as Role))).toEqual({ kind: 'none' });
  });
});

describe('ScopePolicy.covers', () => {
  /** A record of trainee u-1, taught by org-1, employed by ent-1 in the county below the city. */
  const own: ScopeSubject = { traineeId: 'u-1', organizationId: 'org-1', enterpriseIds: ['ent-1'], regionPaths: [COUNTY] };
  /** Someone else's record, elsewhere in every respect. */
  const other: ScopeSubject = { traineeId: 'u-2', organizationId: 'org-2', enterpriseIds: ['ent-2'], regionPaths: [OTHER_CITY] };

  it('lets a trainee see only their own records', () => {
    expect(ScopePolicy.covers(trainee, own)).toBe(true);
    expect(ScopePolicy.covers(trainee, other)).toBe(false);
    expect(ScopePolicy.covers(trainee, { enterpriseIds: ['ent-1'], regionPaths: [COUNTY] })).toBe(false);
  });

  it('lets an org admin see only its organization', () => {
    expect(ScopePolicy.covers(orgAdmin, own)).toBe(true);
    expect(ScopePolicy.covers(orgAdmin, other)).toBe(false);
    expect(ScopePolicy.covers(orgAdmin, { traineeId: 'u-1', enterpriseIds: ['ent-1'] })).toBe(false);
    expect(ScopePolicy.covers(actor(Role.OrgAdmin), { organizationId: null })).toBe(false);
  });

  it('lets an enterprise admin see only its enterprise, among several the thing belongs to', () => {
    expect(ScopePolicy.covers(enterpriseAdmin, own)).toBe(true);
    expect(ScopePolicy.covers(enterpriseAdmin, { enterpriseIds: ['ent-9', 'ent-1'] })).toBe(true);
    expect(ScopePolicy.covers(enterpriseAdmin, other)).toBe(false);
    expect(ScopePolicy.covers(enterpriseAdmin, { traineeId: 'u-1', organizationId: 'org-1' })).toBe(false);
    expect(ScopePolicy.covers(actor(Role.EnterpriseAdmin), { enterpriseIds: [null] })).toBe(false);
  });

  it('lets a city regulator see only its region subtree', () => {
    expect(ScopePolicy.covers(cityRegulator, { regionPaths: [CITY] })).toBe(true);
    expect(ScopePolicy.covers(cityRegulator, { regionPaths: [COUNTY] })).toBe(true);
    expect(ScopePolicy.covers(cityRegulator, { regionPaths: [OTHER_CITY] })).toBe(false);
    expect(ScopePolicy.covers(cityRegulator, { regionPaths: [PROVINCE] })).toBe(false);
    // A sibling whose code merely starts with the city's is not below it.
    expect(ScopePolicy.covers(cityRegulator, { regionPaths: ['620000/6201009'] })).toBe(false);
    expect(ScopePolicy.covers(cityRegulator, { regionPaths: [OTHER_CITY, COUNTY] })).toBe(true);
    expect(ScopePolicy.covers(cityRegulator, { regionPaths: [null] })).toBe(false);
    expect(ScopePolicy.covers(cityRegulator, { traineeId: 'u-1', organizationId: 'org-1', enterpriseIds: ['ent-1'] })).toBe(false);
    expect(ScopePolicy.covers(actor(Role.Regulator), { regionPaths: [COUNTY] })).toBe(false);
  });

  it('lets the province regulator see every city', () => {
    expect(ScopePolicy.covers(provinceRegulator, own)).toBe(true);
    expect(ScopePolicy.covers(provinceRegulator, other)).toBe(true);
    expect(ScopePolicy.covers(provinceRegulator, { regionPaths: ['630000'] })).toBe(false);
  });

  it('lets a platform admin see everything', () => {
    expect(ScopePolicy.covers(platformAdmin, other)).toBe(true);
    expect(ScopePolicy.covers(platformAdmin, {})).toBe(true);
  });
});

describe('ScopePolicy.where', () => {
  const columns = { trainee: 'c.trainee_id', organization: 'c.organization_id', enterprise: 'p.enterprise_id', regionPath: 'g.path' };

  it.each([
    ['trainee', trainee, 'c.trainee_id = $2', ['x', 'u-1']],
    ['org admin', orgAdmin, 'c.organization_id = $2', ['x', 'org-1']],
    ['enterprise admin', enterpriseAdmin, 'p.enterprise_id = $2', ['x', 'ent-1']],
    ['city regulator', cityRegulator, "(g.path = $2 OR g.path LIKE $2 || '/%')", ['x', CITY]],
    ['platform admin', platformAdmin, 'TRUE', ['x']],
  ] as const)('limits a %s with its own parameter after the others', (_name, who, sql, params) => {
    const sut: unknown[] = ['x'];
    expect(ScopePolicy.where(who, columns, sut)).toBe(sql);
    expect(sut).toEqual(params);
  });

  it('answers null for a role the query has no column for, and FALSE for an id the token lacks', () => {
    const params: unknown[] = [];
    expect(ScopePolicy.where(trainee, { regionPath: 'g.path' }, params)).toBeNull();
    expect(ScopePolicy.where(orgAdmin, { enterprise: 'e.id' }, params)).toBeNull();
    expect(ScopePolicy.where(actor(Role.Regulator), { regionPath: 'g.path' }, params)).toBe('FALSE');
    expect(ScopePolicy.where(actor(Role.EnterpriseAdmin), { enterprise: 'e.id' }, params)).toBe('FALSE');
    expect(params).toEqual([]);
  });

  it('names its parameters for query builders', () => {
    expect(ScopePolicy.whereNamed(cityRegulator, columns)).toEqual({
      sql: "(g.path = :scopePath OR g.path LIKE :scopePath || '/%')",
      params: { scopePath: CITY },
    });
    expect(ScopePolicy.whereNamed(trainee, columns)).toEqual({ sql: 'c.trainee_id = :scopeUserId', params: { scopeUserId: 'u-1' } });
    expect(ScopePolicy.whereNamed(platformAdmin, columns)).toEqual({ sql: 'TRUE', params: {} });
    expect(ScopePolicy.whereNamed(trainee, { enterprise: 'e.id' })).toBeNull();
  });
});

describe('region scope SQL', () => {
  it('matches the path itself or anything below it', () => {
    expect(regionScopeSql('g.path', 'rg.path')).toBe("(g.path = rg.path OR g.path LIKE rg.path || '/%')");
  });

  it('selects everything for a NULL path when asked to', () => {
    expect(regionScopeOrAllSql('g.path', '$1')).toBe("($1::text IS NULL OR g.path = $1 OR g.path LIKE $1 || '/%')");
  });
});
