/**
 * The notice's appointment targets (一、总体要求): by the end of 2021, 100% at enterprises holding
 * the China Quality Award, the Gansu Provincial Government Quality Award or a city quality award
 * (nominations included); by the end of 2025, all state-owned and above-designated-size production
 * enterprises. `sql` is the predicate over `enterprises e` that puts an enterprise in the group.
 */
/** The enterprise flags the targets are defined on (as the registry_enterprise_stats view groups them). */
export interface EnterpriseFlags {
  stateOwned: boolean;
  aboveDesignatedSize: boolean;
  production: boolean;
  chinaAward: boolean;
  provincialAward: boolean;
  cityAward: boolean;
}

export interface AppointmentTarget {
  code: 'award_holders' | 'state_owned_or_large_production';
  name: string;
  /** The last day by which the rate should reach `targetRate`. */
  deadline: string;
  targetRate: number;
  sql: string;
  /** The same predicate over the flags, for the precomputed figures. */
  test: (f: EnterpriseFlags) => boolean;
}

export const APPOINTMENT_TARGETS: readonly AppointmentTarget[] = [
  {
    code: 'award_holders',
    name: '获得中国质量奖、甘肃省人民政府质量奖及市州政府质量奖（含提名奖）的企业',
    deadline: '2021-12-31',
    targetRate: 1,
    sql: `(e.china_quality_award <> 'none' OR e.provincial_quality_award <> 'none' OR e.city_quality_award <> 'none')`,
    test: (f) => f.chinaAward || f.provincialAward || f.cityAward,
  },
  {
    code: 'state_owned_or_large_production',
    name: '国有企业和规模以上生产性企业',
    deadline: '2025-12-31',
    targetRate: 1,
    sql: '(e.state_owned OR (e.above_designated_size AND e.production))',
    test: (f) => f.stateOwned || (f.aboveDesignatedSize && f.production),
  },
];
