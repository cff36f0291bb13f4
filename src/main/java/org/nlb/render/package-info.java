/**
 * Pictures of image sets, for any layer that shows images: labelled PNG grids with
 * nearest-neighbour upscaling ({@link org.nlb.render.ImageGrid}, used by the augmentation, dataset
 * and trigger previews and by the report) and PNG {@code data:} URIs that embed an image in a page
 * ({@link org.nlb.render.PngDataUri}). Depends only on {@code org.nlb.data} and {@code org.nlb.io},
 * so that {@code augment} can draw without depending on {@code report}.
 */
package org.nlb.render;
