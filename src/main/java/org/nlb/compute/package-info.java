/** Shared numeric machinery: the DJL PyTorch engine, configured once for the whole process. */
package org.nlb.compute;
