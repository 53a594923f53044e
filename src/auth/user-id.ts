/** The shape of a user id (JWT `sub`), shared by validation everywhere. */
export const USER_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
