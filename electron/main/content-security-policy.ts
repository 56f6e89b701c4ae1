// The Content-Security-Policy, in one place: the app protocol sends it as a header
// with every file, and the renderer's build writes it into index.html (a page opened
// any other way is held to the same rules). No `electron` import: vite's config reads it.

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";

/** The policy as a <meta> tag can carry it: browsers honour frame-ancestors only in a header. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
