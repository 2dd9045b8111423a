/**
 * The little the core needs from a zod schema, structurally, so the SDK's types do not tie
 * callers to one zod build. Every schema of `@safe-place/schemas` fits.
 */

export interface SchemaIssue {
  readonly path: readonly PropertyKey[]
  readonly message: string
}

type SafeParse<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: readonly SchemaIssue[] } }

export interface Schema<T> {
  safeParse(value: unknown): SafeParse<T>
}

/** Dotted paths, at most 100, as the hub's `ErrorBody.details`. */
export function issuesToDetailList(issues: readonly SchemaIssue[]) {
  return issues.slice(0, 100).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message.slice(0, 500),
  }))
}
