/**
 * Image data sets: the compact {@link org.nlb.data.ImageSet}, dataset specs, readers and writers
 * for IDX, CIFAR binary and ImageFolder layouts, {@code .npy} arrays, and the pretrain split.
 */
package org.nlb.data;
