/**
 * The published API description: springdoc's OpenAPI 3.1 document, one group per module (and one for the platform's
 * own endpoints), each operation stating its access rule and the problem types it may answer, and Swagger UI.
 */
package io.edumatrix.platform.openapi;
