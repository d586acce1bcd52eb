import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A requirement of the rule set governing a trainee (credit-hours' `requirement_rules`). */
export interface GoverningRule {
  category: 1 | 2;
  kind: 'appointment' | 'continuing';
  minHours: string;
  period: 'once' | 'calendar_year';
  countAppointmentHours: boolean;
}

/**
 * The facts the appointment and yearly certificates depend on, by explicit SQL over the
 * tables of the credit-hours and courses libs.
 */
@Injectable()
export class CertificateRequirementsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The rules in force on `date` (YYYY-MM-DD) for the trainee: the rule set whose region is the
   * deepest one containing the region of the trainee's enterprise, else the root region's
   * (the same choice as the compliance engine).
   */
  async governingRules(traineeId: string, date: string): Promise<GoverningRule[]> {
    const rows: { category: number; kind: GoverningRule['kind']; min_hours: string; period: GoverningRule['period']; count_appointment_hours: boolean }[] =
      await this.dataSource.query(
        `WITH home AS (
           SELECT COALESCE(g.path, (SELECT path FROM regions WHERE parent_id IS NULL ORDER BY sort_order, code LIMIT 1)) AS path
             FROM trainee_profiles p
             LEFT JOIN enterprises e ON e.id = p.enterprise_id
             LEFT JOIN regions g ON g.id = e.region_id
            WHERE p.user_id = $1),
         chosen AS (
           SELECT s.id FROM requirement_rule_sets s JOIN regions g ON g.id = s.region_id, home
            WHERE s.effective_from <= $2::date AND (s.effective_to IS NULL OR s.effective_to >= $2::date)
              AND (home.path = g.path OR home.path LIKE g.path || '/%')
            ORDER BY length(g.path) DESC LIMIT 1)
         SELECT r.category, r.kind, r.min_hours::text, r.period, r.count_appointment_hours
           FROM requirement_rules r JOIN chosen ON chosen.id = r.rule_set_id
          ORDER BY r.sort_order, r.code`,
        [traineeId, date],
      );
    return rows.map((r) => ({
      category: r.category === 1 ? 1 : 2,
      kind: r.kind,
      minHours: r.min_hours,
      period: r.period,
      countAppointmentHours: r.count_appointment_hours,
    }));
  }

  /**
   * "The final appointment exam passed": the trainee has an enrollment in a category-1
   * appointment course version whose final exam they passed (`enrollments.final_exam_passed_at`
   * set). Returns the latest such pass, or null.
   */
  async appointmentExamPassedAt(traineeId: string): Promise<Date | null> {
    const rows: { passed_at: Date | null }[] = await this.dataSource.query(
      `SELECT max(e.final_exam_passed_at) AS passed_at
         FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id
        WHERE e.trainee_id = $1 AND v.category = 1 AND v.kind = 'appointment' AND e.final_exam_passed_at IS NOT NULL`,
      [traineeId],
    );
    return rows[0]?.passed_at ?? null;
  }
}
