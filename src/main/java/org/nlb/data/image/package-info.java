/** Single image files: decoding PNG/JPEG into channel-first planes, and bilinear resizing. */
package org.nlb.data.image;
