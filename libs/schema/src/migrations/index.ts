import { Foundation1795572187043 } from './1795572187043-Foundation';
import { SeedGansuRegions1795572200000 } from './1795572200000-SeedGansuRegions';
import { CoursesEnrollmentProgress1795580000000 } from './1795580000000-CoursesEnrollmentProgress';
import { SeedTrainingTopics1795580100000 } from './1795580100000-SeedTrainingTopics';
import { CreditHoursLedger1795600000000 } from './1795600000000-CreditHoursLedger';
import { SeedGansuRequirementRules1795600100000 } from './1795600100000-SeedGansuRequirementRules';

/** Every migration, in order. A committed migration is never edited: add a new one. */
export const ALL_MIGRATIONS = [
  Foundation1795572187043,
  SeedGansuRegions1795572200000,
  CoursesEnrollmentProgress1795580000000,
  SeedTrainingTopics1795580100000,
  CreditHoursLedger1795600000000,
  SeedGansuRequirementRules1795600100000,
];
