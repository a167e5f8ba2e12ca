// Set per stage with `npx sst secret set <Name> <value> --stage <stage>`; kept encrypted in SSM.

// Signs sessions. No placeholder: a deploy fails until it is set.
export const authSecret = new sst.Secret("AuthSecret");

// Lets people create an account at /sign-up. The empty placeholder keeps sign-up closed until set.
export const accessCode = new sst.Secret("AccessCode", "");
