/**
 * A failed call to the hub, with the hub's stable error code (`ErrorBody.error.code`) or
 * `network` when it could not be reached. The message is the hub's, for a person to read.
 */
export class HubError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
  ) {
    super(message)
    this.name = 'HubError'
  }
}
