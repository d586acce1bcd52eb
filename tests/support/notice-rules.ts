import type { RuleInput } from '@cqo/credit-hours';

/**
 * The notice's three rules as a rule set publishes them: a scenario spreads one and changes only
 * what it is about (a threshold, a minimum, counting appointment hours).
 */
export const NOTICE_RULES = {
  appointment: {
    code: 'appointment',
    name: '任职培训',
    category: 1,
    kind: 'appointment',
    minHours: '21',
    period: 'once',
    appliesTo: 'everyone',
  },
  continuing: {
    code: 'continuing',
    name: '第一类继续教育',
    category: 1,
    kind: 'continuing',
    minHours: '14',
    period: 'calendar_year',
    appliesTo: 'serving_and_opted_in',
  },
  methods: {
    code: 'methods',
    name: '第二类方法培训',
    category: 2,
    kind: 'continuing',
    minHours: '30',
    period: 'calendar_year',
    appliesTo: 'serving_and_opted_in',
  },
} as const satisfies Record<string, RuleInput>;
