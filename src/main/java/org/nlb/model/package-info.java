/** Networks: residual backbones and MLP heads as DJL blocks (DESIGN §5). */
package org.nlb.model;
