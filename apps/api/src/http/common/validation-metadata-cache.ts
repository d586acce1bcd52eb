import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

let installed = false;

/**
 * class-validator looks up a DTO's rules on every validation by walking the rules of every
 * decorated class in the process (an `instanceof` test per class, for inherited rules): with the
 * API's few hundred DTOs that was the largest single cost of a small validated request (about 2%
 * of a heartbeat's CPU). Rules are only added while classes are defined, so the answer is
 * remembered per (class, options) and forgotten whenever a rule is added.
 */
export function cacheValidationMetadataLookups(storage: Storage = getMetadataStorage()): void {
  if (installed) return;
  installed = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const addValidation = storage.addValidationMetadata.bind(storage);
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  let known = new Map<unknown, Map<string, ReturnType<Lookup>>>();
  storage.addValidationMetadata = (metadata) => {
    known = new Map();
    addValidation(metadata);
  };
  storage.addConstraintMetadata = (metadata) => {
    known = new Map();
    addConstraint(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}|${always}|${strictGroups}|${groups?.join(',') ?? ''}`;
    let byOptions = known.get(target);
    if (!byOptions) known.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    // A copy each time: callers receive an array of their own, as without the cache.
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found.slice();
  };
}
