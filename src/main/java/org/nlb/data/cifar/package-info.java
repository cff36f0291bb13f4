/** CIFAR-10 / CIFAR-100 binary files: reader, writer and their record layout (DESIGN §6). */
package org.nlb.data.cifar;
