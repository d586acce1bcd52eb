import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JobName, JobQueues } from '@cqo/core';
import { JobHost } from './job-host';

/** At start, refuses to run unless every job name has exactly one handler. */
@Injectable()
export class HandlerRegistry implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const hosts = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobHost<JobName> => instance instanceof JobHost);
    const problems = checkHandlers(hosts.flatMap((h) => h.handles()));
    if (problems.length > 0) throw new Error(`job handlers: ${problems.join('; ')}`);
  }
}

export function checkHandlers(handled: JobName[]): string[] {
  const problems: string[] = [];
  for (const job of Object.keys(JobQueues) as JobName[]) {
    const count = handled.filter((h) => h === job).length;
    if (count !== 1) problems.push(`${job} has ${count} handlers`);
  }
  return problems;
}
