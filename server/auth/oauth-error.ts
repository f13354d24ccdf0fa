// An OAuth protocol refusal (RFC 6749 §5.2 codes): the routes answer it in the OAuth error shape.

export class OAuthRequestError extends Error {
  constructor(
    /** The registered error code, e.g. invalid_grant. */
    readonly error: string,
    /** Shown to the client developer: says what to change. */
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
    this.name = 'OAuthRequestError';
  }
}

export const invalidRequest = (description: string) => new OAuthRequestError('invalid_request', description);
export const invalidGrant = (description: string) => new OAuthRequestError('invalid_grant', description);
/** 401, so that a client whose registration is gone registers again (Claude does). */
export const invalidClient = (description: string) => new OAuthRequestError('invalid_client', description, 401);
export const invalidClientMetadata = (description: string) => new OAuthRequestError('invalid_client_metadata', description);
export const invalidRedirectUri = (description: string) => new OAuthRequestError('invalid_redirect_uri', description);
