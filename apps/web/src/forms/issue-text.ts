import { fieldLabel } from '@cqo/forms/field-labels';
import type { FieldRule } from '@cqo/forms/field-messages';
import { fieldMessage } from '@cqo/forms/field-messages';
import type { FieldIssue } from './field-issue';

/** The locale messages are written in; the I18nProvider keeps it current. */
let current: 'zh' | 'en' = 'zh';
export function setIssueLocale(locale: 'zh-CN' | 'en'): void {
  current = locale === 'en' ? 'en' : 'zh';
}

/**
 * What a person reads for one of the API's field issues: in Chinese the API's own sentence (it
 * already names the field's label); in English the same rule worded from the shared catalog.
 * A domain message that does not name the field gets its label in front (结束时间：早于开始时间).
 */
export function issueText(issue: FieldIssue): string {
  if (current === 'en' && issue.rule && issue.rule !== 'invalid')
    return fieldMessage(issue.rule as FieldRule, issue.field, issue.params ?? {}, 'en');
  const label = current === 'zh' ? (issue.label ?? fieldLabel(issue.field, 'zh')) : fieldLabel(issue.field, 'en');
  if (issue.rule && issue.rule !== 'invalid') return issue.message;
  return issue.message.includes(label) || label === issue.field ? issue.message : `${label}：${issue.message}`;
}
