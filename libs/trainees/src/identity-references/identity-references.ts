import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * One lib's answer to "does anything of yours refer to this trainee's identity?" (hours,
 * appointments, certificates). Once one does, the ID number is locked: only the enterprise
 * admin may correct it, audited.
 */
export interface IdentityReferenceCheck {
  /** What refers to the person, for messages and tests ("credit entries", …). */
  readonly name: string;
  /** Runs inside `manager`'s transaction, so the answer holds for the write that follows. */
  references(traineeId: string, manager: EntityManager): Promise<boolean>;
}

/**
 * The port through which the libs that own hours, appointments and certificates tell the trainees
 * lib about references to a person, so that this lib never reads their tables. The owning libs
 * depend on this one (never the reverse): each registers its check when its module starts.
 */
@Injectable()
export class IdentityReferences {
  private readonly checks = new Map<string, IdentityReferenceCheck>();

  register(check: IdentityReferenceCheck): void {
    if (this.checks.has(check.name)) throw new Error(`identity reference check "${check.name}" registered twice`);
    this.checks.set(check.name, check);
  }

  /** The names of the registered checks (which libs can lock an ID number). */
  names(): string[] {
    return [...this.checks.keys()];
  }

  /** Whether any registered lib refers to the person. */
  async anyReferences(traineeId: string, manager: EntityManager): Promise<boolean> {
    for (const check of this.checks.values()) {
      if (await check.references(traineeId, manager)) return true;
    }
    return false;
  }
}
