/**
 * Image data sets: the compact {@link org.nlb.data.ImageSet}, dataset specs, readers and writers
 * for IDX, CIFAR binary and ImageFolder layouts, {@code .npy} arrays, the pretrain split, and the
 * {@linkplain org.nlb.data.IndexSubset index subset} ({@code pretrain.npy}) that training,
 * poisoning and evaluation all read.
 */
package org.nlb.data;
