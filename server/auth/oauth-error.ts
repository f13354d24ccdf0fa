// An OAuth protocol refusal (RFC 6749 §5.2 codes): an AppError whose code is the registered OAuth error, so it travels
// by throwing like every other refusal and the OAuth routes' error handler answers it in the OAuth error shape.
import { AppError } from '../errors.ts';

export class OAuthRequestError extends AppError {
  constructor(
    /** The registered error code, e.g. invalid_grant. */
    readonly error: string,
    /** Shown to the client developer: says what to change. */
    readonly description: string,
    status = 400,
  ) {
    super(error, status, description);
  }
}

export const invalidRequest = (description: string) => new OAuthRequestError('invalid_request', description);
export const invalidGrant = (description: string) => new OAuthRequestError('invalid_grant', description);
/** 401, so that a client whose registration is gone registers again (Claude does). */
export const invalidClient = (description: string) => new OAuthRequestError('invalid_client', description, 401);
export const invalidClientMetadata = (description: string) => new OAuthRequestError('invalid_client_metadata', description);
export const invalidRedirectUri = (description: string) => new OAuthRequestError('invalid_redirect_uri', description);
