// The part of OpenSync's opensync_stats.proto (package sts, proto2) the controller decodes
// (and the simulator encodes):
// Report with its client, survey and device lists. Field numbers, types and labels are
// OpenSync's own (a test compares them with the reference file); everything else in a
// report is skipped by the decoder as unknown fields.

export const OPENSYNC_STATS_PROTO = `
syntax = "proto2";
package sts;

enum RadioBandType {
  BAND2G = 0;
  BAND5G = 1;
  BAND5GL = 2;
  BAND5GU = 3;
  BAND6G = 4;
}

enum SurveyType {
  ON_CHANNEL = 0;
  OFF_CHANNEL = 1;
  FULL = 2;
}

message Client {
  message Stats {
    optional uint64 rx_bytes = 1;
    optional uint64 tx_bytes = 2;
    optional double rx_rate = 9;
    optional double tx_rate = 10;
    optional uint32 rssi = 11;
  }
  required string mac_address = 1;
  optional string ssid = 2;
  optional bool connected = 3;
  optional uint32 duration_ms = 8;
  optional Stats stats = 9;
  optional string network_id = 14;
}

message ClientReport {
  required RadioBandType band = 1;
  optional uint64 timestamp_ms = 2;
  repeated Client client_list = 3;
  required uint32 channel = 4;
}

message Survey {
  message SurveySample {
    required uint32 channel = 1;
    optional uint32 duration_ms = 2;
    optional uint32 busy = 5;
    optional uint32 busy_tx = 6;
    optional uint32 busy_rx = 7;
    optional uint32 busy_self = 8;
    optional int32 noise_floor = 11;
  }
  required RadioBandType band = 1;
  required SurveyType survey_type = 2;
  optional uint64 timestamp_ms = 3;
  repeated SurveySample survey_list = 4;
}

message Device {
  message LoadAvg {
    optional double one = 1;
    optional double five = 2;
    optional double fifteen = 3;
  }
  message RadioTemp {
    optional RadioBandType band = 1;
    optional int32 value = 2;
  }
  message MemUtil {
    required uint32 mem_total = 1;
    required uint32 mem_used = 2;
  }
  message CpuUtil {
    optional uint32 cpu_util = 1;
  }
  optional LoadAvg load = 1;
  repeated RadioTemp radio_temp = 2;
  optional uint64 timestamp_ms = 3;
  optional uint32 uptime = 4;
  optional MemUtil mem_util = 6;
  optional CpuUtil cpuUtil = 8;
}

message Report {
  required string nodeID = 1;
  repeated Survey survey = 2;
  repeated ClientReport clients = 5;
  repeated Device device = 6;
}
`;
