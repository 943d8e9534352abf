/** Building blocks of domain models shared by every module: state machines and money. */
package io.edumatrix.platform.domain;
