/** What the load generator needs to build requests: the seeded trainees and the courses to enrol in. */
export interface BenchWorld {
  trainees: { id: string; token: string; sessionId: string }[];
  enrolCourses: string[];
}

export type PhaseName = 'baseline' | 'heartbeat' | 'enrol';

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Request k of a phase. Heartbeats and baseline reads cycle through the trainees, so no two in
 * flight share a study session. Enrolment k enrols trainee ⌊k / courses⌋ into course k mod
 * courses: each pair once (50,000 pairs), about 8 at a time per course at 200 clients.
 */
export function benchRequest(phase: PhaseName, world: BenchWorld, k: number): BenchRequest {
  const n = world.trainees.length;
  switch (phase) {
    case 'baseline':
      return { method: 'GET', path: `/bench/baseline?id=${world.trainees[k % n].id}` };
    case 'heartbeat': {
      const t = world.trainees[k % n];
      return { method: 'POST', path: `/me/study-sessions/${t.sessionId}/heartbeat`, headers: { authorization: `Bearer ${t.token}` } };
    }
    case 'enrol': {
      const courses = world.enrolCourses.length;
      const t = world.trainees[Math.floor(k / courses) % n];
      return {
        method: 'POST',
        path: '/me/enrollments',
        headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ courseVersionId: world.enrolCourses[k % courses] }),
      };
    }
  }
}
