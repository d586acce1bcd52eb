/** One field's problem in an API error's `details`; its own module so forms/ and api/ do not import each other. */
export interface FieldIssue {
  field: string;
  message: string;
  label?: string;
  rule?: string;
  params?: Record<string, string | number>;
}
