/** ImageFolder directories of PNG/JPEG files: listing, parallel decoding, resizing, PNG writing (DESIGN §6). */
package org.nlb.data.folder;
