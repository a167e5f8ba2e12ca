/** The request cannot be run as asked (not understood, unsafe, or would overwrite user data). */
export class Rejection extends Error {
  override name = "Rejection";
}
