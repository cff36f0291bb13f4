/** File-system plumbing shared by every stage: atomic writes and the bad-input error. */
package org.nlb.io;
