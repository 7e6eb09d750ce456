// GitHub's size limits on what the action posts, each with the error it prevents. Renderers
// budget in UTF-8 bytes everywhere: GitHub counts check-run text in bytes (despite the docs
// saying "characters") and comments in characters, and a string never has more characters than
// bytes, so a body within its byte budget is accepted under either count.

/**
 * Annotations per create/update request of a check run; more are appended by further updates.
 * Prevents: 422 "Invalid request. No more than 50 items are allowed; 143 were supplied."
 */
export const MAX_ANNOTATIONS_PER_REQUEST = 50

/**
 * `output.summary` and `output.text` of a check run, each. The docs say 65535 characters; the API
 * checks bytes. Prevents: 422 "summary exceeds a maximum bytesize of 65535" (github/docs#35252),
 * "Only 65535 characters are allowed; 104883 were supplied."
 */
export const MAX_CHECK_RUN_TEXT_BYTES = 65535

/**
 * Body of an issue or pull-request comment.
 * Prevents: 422 "Body is too long (maximum is 65536 characters)".
 */
export const MAX_COMMENT_CHARS = 65536

/**
 * Markdown one step may write to $GITHUB_STEP_SUMMARY; over it the runner drops the whole
 * summary. Prevents: "$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of
 * 1024k, got 1028k."
 */
export const MAX_JOB_SUMMARY_BYTES = 1024 * 1024

/** Annotation `message` and `raw_details`: "The maximum size is 64 KB." (each). */
export const MAX_ANNOTATION_MESSAGE_BYTES = 64 * 1024

/** Annotation `title`: "The maximum size is 255 characters." */
export const MAX_ANNOTATION_TITLE_CHARS = 255
